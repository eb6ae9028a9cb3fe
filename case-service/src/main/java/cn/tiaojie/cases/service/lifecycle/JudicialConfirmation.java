package cn.tiaojie.cases.service.lifecycle;

import java.time.LocalDate;

/** The parties' application to a court for judicial confirmation (司法确认) of their agreement. */
public record JudicialConfirmation(LocalDate appliedOn, String court, String reference) {
}
