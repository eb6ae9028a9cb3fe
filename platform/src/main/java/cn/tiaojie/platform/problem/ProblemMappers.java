package cn.tiaojie.platform.problem;

import cn.tiaojie.platform.persistence.SqlStates;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error a REST endpoint can raise into application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem("about:blank", "Invalid request", 400, detail, uri.getPath(), errors).toResponse();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            JsonParseException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = e.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return new Problem("about:blank", "Unreadable request body", 400,
                field.isEmpty() ? message : field + ": " + message, uri.getPath(), errors).toResponse();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return Problem.of(409, "Concurrent change",
                "the resource was changed by someone else; read it again and retry").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "a valid bearer token is required")
                .withInstance(uri.getPath()).toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "Forbidden", "your role may not do this").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return Problem.of(status, title, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    /** A form or multipart body that cannot be parsed is the client's; any other I/O failure is ours. */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, UriInfo uri) {
        boolean readingTheBody = java.util.Arrays.stream(e.getStackTrace()).anyMatch(frame ->
                frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")
                        || frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart."));
        if (readingTheBody) {
            return Problem.of(400, "Unreadable request body", "the form could not be read: " + e.getMessage())
                    .withInstance(uri.getPath()).toResponse();
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (SqlStates.databaseUnreachable(e)) {
            // the database failed, not the request: the client may try again
            LOG.warnf("the database is out of reach on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(Problem.of(503, "Service unavailable",
                    "the database cannot be reached for a moment; try again shortly").withInstance(uri.getPath())
                    .toResponse()).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return Problem.of(500, "Internal error", "the request could not be completed").withInstance(uri.getPath())
                .toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // method-parameter paths look like create.request.parties[0].phone: drop the method and parameter
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
