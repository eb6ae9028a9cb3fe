package cn.tiaojie.deploy;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a manifest against the Kubernetes API model of its apiVersion and kind (client-java's generated
 * models): a field the model does not define, a missing required field or a value of the wrong type is a problem.
 * Kinds outside the list below are refused, so nothing under k8s/ escapes checking; the two non-Kubernetes kinds
 * (kustomize's Kustomization, CloudNativePG's Cluster) are checked by {@link OwnSchemas}.
 */
public final class ApiModels {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("apps/v1 Deployment", V1Deployment.class),
            Map.entry("v1 Service", V1Service.class),
            Map.entry("v1 ConfigMap", V1ConfigMap.class),
            Map.entry("v1 Secret", V1Secret.class),
            Map.entry("v1 Namespace", V1Namespace.class),
            Map.entry("v1 ServiceAccount", V1ServiceAccount.class),
            Map.entry("networking.k8s.io/v1 Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class));

    static {
        JSON.setLenientOnJson(false);
    }

    private ApiModels() {
    }

    /** The problems of one manifest, empty when it is valid. */
    public static List<String> validate(Manifest manifest) {
        String gvk = manifest.apiVersion() + " " + manifest.kind();
        if (OwnSchemas.covers(manifest)) {
            return OwnSchemas.validate(manifest);
        }
        Class<?> model = MODELS.get(gvk);
        if (model == null) {
            return List.of(manifest.where() + ": " + gvk + " is not a kind these checks know; add its model to ApiModels");
        }
        return validate(manifest.body(), model).map(p -> List.of(manifest.where() + ": " + p)).orElse(List.of());
    }

    /** Strictly validates a JSON value against a client-java model class; the first problem found, if any. */
    static Optional<String> validate(JsonObject body, Class<?> model) {
        try {
            Method validate = model.getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, body);
            // the typed read also parses quantities (cpu, memory) and int-or-string ports
            JSON.getGson().fromJson(body, model);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(shorten(e.getCause()));
        } catch (RuntimeException e) {
            return Optional.of(shorten(e));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no strict validation", e);
        }
    }

    private static String shorten(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int json = message.indexOf(". JSON: ");
        return json > 0 ? message.substring(0, json) : message;
    }
}
