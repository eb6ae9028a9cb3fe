package cn.tiaojie.scheduling;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads calendars with a real iCalendar parser (ical4j) and checks them against RFC 5545. */
public final class ICalendars {

    private ICalendars() {
    }

    public static Calendar parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            ValidationResult result = calendar.validate();
            assertFalse(result.hasErrors(), () -> "invalid iCalendar: " + result.getEntries() + "\n" + ics);
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("not an iCalendar: " + e + "\n" + ics, e);
        }
    }
}
