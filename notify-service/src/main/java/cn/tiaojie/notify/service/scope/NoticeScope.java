package cn.tiaojie.notify.service.scope;

import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.scope.Recipients;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which notices a caller may read: admins all; staff their center's; supervisors those of their area and every
 * area below it; mediators and residents the notices addressed to them. A caller with several roles reads the union.
 * A notice outside the caller's scope is answered as if it did not exist (404).
 */
public final class NoticeScope {

    private final boolean all;
    private final Optional<String> center;
    private final Optional<String> area;
    private final Optional<Recipients.Recipient> recipient;

    private NoticeScope(boolean all, Optional<String> center, Optional<String> area,
            Optional<Recipients.Recipient> recipient) {
        this.all = all;
        this.center = center;
        this.area = area;
        this.recipient = recipient;
    }

    public static NoticeScope of(Caller caller) {
        return new NoticeScope(caller.is(Claims.ADMIN),
                caller.is(Claims.STAFF) ? caller.center().filter(c -> !c.isBlank()) : Optional.empty(),
                // a malformed area claim matches nothing rather than being read as a pattern
                caller.is(Claims.SUPERVISOR) ? caller.area().filter(AreaCodes::isValid) : Optional.empty(),
                Recipients.of(caller));
    }

    public boolean permits(Notice notice) {
        return all
                || center.filter(c -> c.equals(notice.centerCode)).isPresent()
                || area.filter(a -> AreaCodes.isWithin(notice.areaCode, a)).isPresent()
                || recipient.filter(r -> r.owns(notice)).isPresent();
    }

    /** A JPQL condition on {@code Notice} (unaliased) for this scope; its parameters go into {@code params}. */
    public String condition(Map<String, Object> params) {
        if (all) {
            return "1 = 1";
        }
        List<String> parts = new ArrayList<>();
        center.ifPresent(c -> {
            parts.add("centerCode = :scopeCenter");
            params.put("scopeCenter", c);
        });
        area.ifPresent(a -> {
            parts.add("areaCode like :scopeArea");
            params.put("scopeArea", a + "%");
        });
        recipient.ifPresent(r -> parts.add(r.condition(params)));
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")";
    }
}
