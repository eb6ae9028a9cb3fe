package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A mediator's inbox: the offers made to them and their answers. Each offer is handed to the caller's {@code view}
 * inside the transaction, where its team and mediator can still be read.
 */
@ApplicationScoped
public class OfferInbox {

    private final TeamFormation formation;

    OfferInbox(TeamFormation formation) {
        this.formation = formation;
    }

    /** The mediator's offers, newest first; only those of one status when it is given. */
    @Transactional
    public <V> List<V> offersTo(String mediatorId, OfferStatus status, Function<Offer, V> view) {
        List<Offer> offers = status == null
                ? Offer.list("mediator.id", Sort.descending("offeredAt"), mediatorId)
                : Offer.list("mediator.id = ?1 and status = ?2", Sort.descending("offeredAt"), mediatorId, status);
        return offers.stream().map(view).toList();
    }

    @Transactional
    public <V> V accept(UUID offerId, String mediatorId, Function<Offer, V> view) {
        return view.apply(formation.accept(offerId, mediatorId));
    }

    @Transactional
    public <V> V decline(UUID offerId, String mediatorId, String reason, Function<Offer, V> view) {
        return view.apply(formation.decline(offerId, mediatorId, reason));
    }
}
