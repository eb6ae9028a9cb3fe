package cn.tiaojie.notify;

import cn.tiaojie.local.LocalChannels;
import cn.tiaojie.local.SmsGatewaySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;

/**
 * The real outside world of notices for every test of this module: a GreenMail SMTP server and the SMS gateway
 * simulator on loopback, the same ones ./tiaojie up starts.
 */
@WithTestResource(value = ChannelsResource.class, scope = TestResourceScope.GLOBAL)
public final class ChannelsResource implements QuarkusTestResourceLifecycleManager {

    static volatile LocalChannels channels;

    public static LocalChannels channels() {
        return channels;
    }

    public static SmsGatewaySimulator sms() {
        return channels.sms();
    }

    @Override
    public Map<String, String> start() {
        channels = LocalChannels.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(channels.smtpPort()),
                "tiaojie.notify.sms.base-url", channels.sms().baseUrl(),
                "tiaojie.notify.sms.account-sid", SmsGatewaySimulator.ACCOUNT_SID,
                "tiaojie.notify.sms.auth-token", SmsGatewaySimulator.AUTH_TOKEN);
    }

    @Override
    public void stop() {
        if (channels != null) {
            channels.close();
        }
    }
}
