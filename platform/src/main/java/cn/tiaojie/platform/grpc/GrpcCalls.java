package cn.tiaojie.platform.grpc;

import cn.tiaojie.platform.persistence.SqlStates;
import cn.tiaojie.platform.problem.ProblemException;
import io.grpc.Status;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs the blocking work of a gRPC method and answers problems with the matching gRPC status. */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    public static <T> Uni<T> answer(Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (ProblemException e) {
            return Uni.createFrom().failure(statusOf(e).withDescription(e.getMessage()).asRuntimeException());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (RuntimeException e) {
            if (SqlStates.databaseUnreachable(e)) {
                // the caller's outbox tries again later
                return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("database unreachable").asRuntimeException());
            }
            throw e;
        }
    }

    static Status statusOf(ProblemException e) {
        return switch (e.problem().status()) {
            case 400 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409, 412 -> Status.FAILED_PRECONDITION;
            default -> Status.INTERNAL;
        };
    }
}
