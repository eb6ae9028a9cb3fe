package cn.tiaojie.mediator.client;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What mediator-service tells other services, enqueued in the caller's transaction: the message is built here and
 * the relay delivers it later through {@link OutboxRoutes}.
 */
@ApplicationScoped
public class MediatorOutbox {

    private final Outbox outbox;
    private final MediatorMessages messages;

    MediatorOutbox(Outbox outbox, MediatorMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Tells the mediator about an offer, reading their contact from the mediator row. */
    public void offerNotice(Offer offer) {
        outbox.enqueue(MediatorTopics.SEND_NOTICE, messages.offerNotice(offer));
    }

    /** The same, to a recipient matching already read, so the mediator need not be loaded again. */
    public void offerNotice(Offer offer, String mediatorId, String name, String phone, String email,
            List<String> languages, List<String> channels) {
        outbox.enqueue(MediatorTopics.SEND_NOTICE, messages.offerNotice(offer,
                MediatorMessages.recipient(mediatorId, name, phone, email, languages, channels)));
    }

    /** Alerts the county's supervisors that a role ran out of candidates. */
    public void noCandidateAlert(Team team, MediatorRole role, int offersSoFar, int excluded) {
        outbox.enqueue(MediatorTopics.SEND_NOTICE, messages.noCandidateAlert(team, role, offersSoFar, excluded));
    }

    /** Tells case-service the team is formed. */
    public void teamAssigned(Team team) {
        outbox.enqueue(MediatorTopics.RECORD_TEAM_ASSIGNED, messages.teamAssigned(team));
    }
}
