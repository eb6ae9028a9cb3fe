package cn.tiaojie.web.client;

import cn.tiaojie.web.session.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Every call to a service carries the signed-in user's own token, so the service's scope and role rules apply. */
@ApplicationScoped
public class UserTokenHeaders implements ClientHeadersFactory {

    private final CurrentUser currentUser;

    UserTokenHeaders(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + currentUser.require().accessToken());
        headers.putSingle("Accept-Language", "zh-CN");
        return headers;
    }
}
