package dev.rset.forge.notify;

import dev.rset.forge.providers.Credentials;
import dev.rset.forge.providers.ForgeAuthorization;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;

/** Opens the notifier of a forge for one repository, with credentials presented as the poll clients present them. */
public final class Notifiers {
    private Notifiers() {
    }

    public static ChangeRequestNotifier open(Forge forge, ForgeHttp http, String repositoryUrl, Credentials c,
            GitHubAppTokens appTokens) throws HttpFailure {
        return switch (forge) {
            case GITHUB -> new GitHubNotifier(http, repositoryUrl,
                    ForgeAuthorization.github(http, appTokens, repositoryUrl, c));
            case GITLAB -> new GitLabNotifier(http, repositoryUrl, ForgeAuthorization.gitlab(c));
            case GITEA -> GitHubNotifier.gitea(http, repositoryUrl, ForgeAuthorization.gitea(c));
            case AZURE_DEVOPS -> new AzureDevOpsNotifier(http, repositoryUrl, ForgeAuthorization.azureDevOps(c));
        };
    }
}
