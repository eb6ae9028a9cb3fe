package cn.tiaojie.web.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every 4xx/5xx answer of a service into an {@link ApiProblem}, reading its problem+json body when it has one. */
public class ApiProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        Map<String, Object> body = Map.of();
        try {
            if (response.hasEntity()) {
                InputStream in = response.readEntity(InputStream.class);
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0 && bytes[0] == '{') {
                    body = JSON.readValue(bytes, new TypeReference<Map<String, Object>>() { });
                }
            }
        } catch (IOException | RuntimeException e) {
            body = Map.of();
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new ApiProblem.FieldError(String.valueOf(error.get("field")),
                            String.valueOf(error.get("message"))));
                }
            }
        }
        return new ApiProblem(response.getStatus(), string(body.get("title")), string(body.get("detail")), errors,
                body);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
