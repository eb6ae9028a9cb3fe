package cn.tiaojie.notify.service.proof;

import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.NoticeRating;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.model.SummonsAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What the page behind a notice's signed link shows: the notice and what its reader answered on it so far. */
@ApplicationScoped
public class ResidentPages {

    /** The notice, its receipt, rating and summons answer (each null when not given yet). */
    public record Page(Notice notice, Receipt receipt, NoticeRating rating, SummonsAnswer answer) {
    }

    /** Null when the notice does not exist. */
    @Transactional
    public Page of(UUID noticeId) {
        Notice notice = Notice.findById(noticeId);
        if (notice == null) {
            return null;
        }
        return new Page(notice, Receipt.findById(noticeId), NoticeRating.findById(noticeId),
                SummonsAnswer.findById(noticeId));
    }
}
