package cn.tiaojie.web.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSignInTest {

    private static final String ISSUER = "https://tiaojie.local/dev-issuer";

    @Test
    void theProdProfileRefusesToStartWithTheDevOnlySignIn() {
        DevSignIn on = new DevSignIn(Optional.of("dev-keys/DEV-ONLY-jwt-private.pem"), ISSUER, Duration.ofHours(8));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> on.refuseInProduction(null, "prod"));
        assertTrue(refused.getMessage().contains("DEV-ONLY"));
        assertDoesNotThrow(() -> on.refuseInProduction(null, "local"));
        DevSignIn off = new DevSignIn(Optional.empty(), ISSUER, Duration.ofHours(8));
        assertDoesNotThrow(() -> off.refuseInProduction(null, "prod"));
    }

    @Test
    void aDemoUsersTokenCarriesTheClaimsTheServicesScopeBy() {
        DevSignIn signIn = new DevSignIn(Optional.of("dev-keys/DEV-ONLY-jwt-private.pem"), ISSUER, Duration.ofHours(8));
        SignedInUser staff = signIn.signIn(DemoUsers.find("staff-bx").orElseThrow());
        assertEquals(Optional.of("QX-BAIXI"), staff.center());
        assertTrue(staff.staff());
        assertEquals("白溪镇 李强", staff.displayName());
        SignedInUser supervisor = signIn.signIn(DemoUsers.find("supervisor-qx").orElseThrow());
        assertEquals(Optional.of("330999"), supervisor.area());
        assertEquals("督办人员", supervisor.roleName());
    }
}
