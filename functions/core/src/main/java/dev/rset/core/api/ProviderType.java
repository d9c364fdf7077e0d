package dev.rset.core.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code spec.type} values of a ResourceSetInputProvider and what each one exports. */
public enum ProviderType {
    STATIC("Static", Export.STATIC),
    GITHUB_PULL_REQUEST("GitHubPullRequest", Export.CHANGE_REQUEST),
    GITHUB_BRANCH("GitHubBranch", Export.BRANCH),
    GITHUB_TAG("GitHubTag", Export.TAG),
    GITLAB_MERGE_REQUEST("GitLabMergeRequest", Export.CHANGE_REQUEST),
    GITLAB_BRANCH("GitLabBranch", Export.BRANCH),
    GITLAB_TAG("GitLabTag", Export.TAG),
    GITLAB_ENVIRONMENT("GitLabEnvironment", Export.ENVIRONMENT),
    GITEA_PULL_REQUEST("GiteaPullRequest", Export.CHANGE_REQUEST),
    GITEA_BRANCH("GiteaBranch", Export.BRANCH),
    GITEA_TAG("GiteaTag", Export.TAG),
    AZURE_DEVOPS_PULL_REQUEST("AzureDevOpsPullRequest", Export.CHANGE_REQUEST),
    AZURE_DEVOPS_BRANCH("AzureDevOpsBranch", Export.BRANCH),
    AZURE_DEVOPS_TAG("AzureDevOpsTag", Export.TAG),
    AWS_CODECOMMIT_PULL_REQUEST("AWSCodeCommitPullRequest", Export.CHANGE_REQUEST),
    AWS_CODECOMMIT_BRANCH("AWSCodeCommitBranch", Export.BRANCH),
    AWS_CODECOMMIT_TAG("AWSCodeCommitTag", Export.TAG),
    OCI_ARTIFACT_TAG("OCIArtifactTag", Export.OCI_TAG),
    ACR_ARTIFACT_TAG("ACRArtifactTag", Export.OCI_TAG),
    ECR_ARTIFACT_TAG("ECRArtifactTag", Export.OCI_TAG),
    GAR_ARTIFACT_TAG("GARArtifactTag", Export.OCI_TAG),
    EXTERNAL_SERVICE("ExternalService", Export.EXTERNAL);

    /** The shape of the input sets a provider type exports. */
    public enum Export { STATIC, CHANGE_REQUEST, BRANCH, TAG, ENVIRONMENT, OCI_TAG, EXTERNAL }

    private final String wire;
    private final Export export;

    ProviderType(String wire, Export export) {
        this.wire = wire;
        this.export = export;
    }

    public String wire() {
        return wire;
    }

    public Export export() {
        return export;
    }

    static ProviderType parse(String s) {
        for (ProviderType t : values()) {
            if (t.wire.equals(s)) {
                return t;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(ProviderType::wire).collect(Collectors.joining(", "));
    }
}
