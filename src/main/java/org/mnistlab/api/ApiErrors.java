package org.mnistlab.api;

import org.mnistlab.base.UserMessages;
import org.mnistlab.playground.ModelUnavailableException;
import org.mnistlab.training.InvalidConfigException;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Every failure of an API call as {@code {error}} with its status: the message is the one the UI would show,
 * without stack trace or server path.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidSettingsException.class)
    ResponseEntity<ApiError> invalidSettings(InvalidSettingsException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.getMessage(), e.fields()));
    }

    @ExceptionHandler(InvalidConfigException.class)
    ResponseEntity<ApiError> invalidConfig(InvalidConfigException e) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        e.problems().forEach(p -> fields.merge(p.setting().key(), p.message(), (a, b) -> a + "; " + b));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("Invalid run settings: " + String.join(", ", fields.keySet()), fields));
    }

    @ExceptionHandler(RunAccessDeniedException.class)
    ResponseEntity<ApiError> denied(RunAccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RunLimitException.class)
    ResponseEntity<ApiError> limit(RunLimitException e) {
        return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler({RunNotFoundException.class, RunsApi.NoModelException.class, ModelUnavailableException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> conflict(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "The request body is not valid JSON (or is missing)");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' has a value of the wrong kind");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is too large for a digit picture");
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ApiError> store(RuntimeException e) {
        log.warn("API call failed on the run store: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, UserMessages.storeUnavailable(e));
    }

    /** Spring's own refusals (unknown path, wrong method or media type) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e) {
        if (e instanceof ErrorResponse spring) {
            HttpStatusCode status = spring.getStatusCode();
            String reason = status instanceof HttpStatus known ? known.getReasonPhrase() : "Request refused";
            return error(status, reason);
        }
        log.error("API call failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "The server failed: " + UserMessages.rootCause(e));
    }

    static ResponseEntity<ApiError> error(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(UserMessages.withoutPaths(message)));
    }
}
