/**
 * Telling a change request what its preview environment is doing: a commit status on the head
 * commit and one comment per change request, created once and then edited in place (found again
 * by a hidden marker). One {@link dev.rset.forge.notify.ChangeRequestNotifier} per forge over the
 * poll clients' HTTP rules ({@link dev.rset.forge.providers.http.ForgeHttp}: time budget, rate
 * limits, failures that name the request); message bodies rendered with Mustache from
 * {@link dev.rset.forge.notify.NoticeContext}, user text escaped by {@link dev.rset.forge.notify.Markdown}.
 */
package dev.rset.forge.notify;
