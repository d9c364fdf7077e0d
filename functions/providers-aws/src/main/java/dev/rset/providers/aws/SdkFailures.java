package dev.rset.providers.aws;

import dev.rset.forge.providers.http.HttpFailure;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS SDK errors as the poll outcomes HTTP statuses map to, so an AWS source is backed off, reported
 * and retried like a forge. Messages name the service, the call and AWS's error code (never a
 * credential: the SDK signs requests and does not echo keys in errors).
 */
final class SdkFailures {
    /** The SDK's throttling errors carry no reset time; wait as for a 429 without headers. */
    static final Duration THROTTLED_BACKOFF = Duration.ofMinutes(1);

    private SdkFailures() {
    }

    static HttpFailure of(SdkException e, String call, Clock clock) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, call + ": the reconcile timeout ran out");
        }
        if (!(e instanceof AwsServiceException s)) {
            return HttpFailure.failed(call + ": " + e.getMessage());
        }
        String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
        String detail = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorMessage());
        String message = call + ": " + code + (detail.isEmpty() || detail.equals("null") ? "" : ": " + detail);
        int status = s.statusCode();
        if (s.isThrottlingException() || status == 429) {
            return new HttpFailure(HttpFailure.Kind.RATE_LIMITED, status, clock.instant().plus(THROTTLED_BACKOFF),
                    message);
        }
        if (code.startsWith("AccessDenied") || status == 403) {
            return new HttpFailure(HttpFailure.Kind.FORBIDDEN, status, null, message
                    + " (grant the scheduler function's role this permission)");
        }
        if (code.equals("UnrecognizedClientException") || code.startsWith("ExpiredToken")
                || code.equals("InvalidSignatureException") || status == 401) {
            return new HttpFailure(HttpFailure.Kind.UNAUTHORIZED, status, null, message);
        }
        if (code.endsWith("DoesNotExistException") || code.endsWith("NotFoundException") || status == 404) {
            return new HttpFailure(HttpFailure.Kind.NOT_FOUND, status, null, message);
        }
        if (status >= 500) {
            return new HttpFailure(HttpFailure.Kind.SERVER_ERROR, status, null, message);
        }
        return new HttpFailure(HttpFailure.Kind.FAILED, status, null, message);
    }
}
