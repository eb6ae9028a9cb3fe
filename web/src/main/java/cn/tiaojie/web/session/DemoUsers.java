package cn.tiaojie.web.session;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DEV-ONLY: the demo world's people that the local run's sign-in page offers (the centers, areas and mediators the
 * services' demo data holds). Production users come from the identity provider.
 */
public final class DemoUsers {

    /** One person to sign in as: their role, subject and the scoping claims the services read. */
    @TemplateData
    public record DemoUser(String key, String name, String description, String role, String subject,
            Map<String, String> claims) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("staff-qx", "县中心 陈敏", "青溪县矛盾纠纷调处化解中心 工作人员", SignedInUser.STAFF, "staff-qx",
                    Map.of("center", "QX-COUNTY")),
            new DemoUser("staff-bx", "白溪镇 李强", "白溪镇矛盾纠纷调处化解中心 工作人员", SignedInUser.STAFF, "staff-bx",
                    Map.of("center", "QX-BAIXI")),
            new DemoUser("supervisor-qx", "县督办 王芳", "青溪县 督办人员（全县）", SignedInUser.SUPERVISOR, "supervisor-qx",
                    Map.of("area", "330999")),
            new DemoUser("admin", "管理员 赵磊", "系统管理员", SignedInUser.ADMIN, "admin", Map.of()),
            new DemoUser("M016", "郭伟", "调解员 · 律师", SignedInUser.MEDIATOR, "M016", Map.of("mediatorId", "M016")),
            new DemoUser("M013", "马丽", "调解员 · 律师", SignedInUser.MEDIATOR, "M013", Map.of("mediatorId", "M013")),
            new DemoUser("M030", "萧婷", "调解员 · 社工师", SignedInUser.MEDIATOR, "M030", Map.of("mediatorId", "M030")),
            new DemoUser("M028", "于倩", "调解员 · 社工师", SignedInUser.MEDIATOR, "M028", Map.of("mediatorId", "M028")),
            new DemoUser("M021", "梁勇", "调解员 · 警官", SignedInUser.MEDIATOR, "M021", Map.of("mediatorId", "M021")),
            new DemoUser("M024", "谢红", "调解员 · 法官", SignedInUser.MEDIATOR, "M024", Map.of("mediatorId", "M024")),
            new DemoUser("M001", "王建国", "调解员 · 人民调解员", SignedInUser.MEDIATOR, "M001",
                    Map.of("mediatorId", "M001")));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String key) {
        return ALL.stream().filter(u -> u.key().equals(key)).findFirst();
    }
}
