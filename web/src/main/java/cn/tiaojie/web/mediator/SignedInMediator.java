package cn.tiaojie.web.mediator;

import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;

/** The signed-in mediator and the pool id their token names, which their own pages read and change. */
record SignedInMediator(SignedInUser user, String id) {

    /** The mediator of this request; anyone else gets the 403 page, a mediator token without an id too. */
    static SignedInMediator of(CurrentUser currentUser) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.MEDIATOR);
        return new SignedInMediator(user, user.mediatorId().orElseThrow(CurrentUser.NotAllowed::new));
    }
}
