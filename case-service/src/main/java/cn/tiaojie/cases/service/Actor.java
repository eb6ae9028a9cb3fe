package cn.tiaojie.cases.service;

import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import java.util.List;

/** Who does something to a case, as the timeline and the audit trail name them. */
public record Actor(String name, String role) {

    public static final Actor SUPERVISION = new Actor("supervision", "system");
    private static final List<String> ROLES = List.of(Claims.ADMIN, Claims.SUPERVISOR, Claims.STAFF, Claims.MEDIATOR,
            Claims.RESIDENT, Claims.SERVICE);

    public static Actor of(Caller caller) {
        String role = ROLES.stream().filter(caller::is).findFirst().orElse("unknown");
        return new Actor(caller.subject(), role);
    }

    public static Actor service(String name) {
        return new Actor(name, Claims.SERVICE);
    }
}
