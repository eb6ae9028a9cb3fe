package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One window of a mediator's weekly pattern, in Asia/Shanghai local time. */
@Entity
@Table(name = "weekly_hours")
public class WeeklyHours extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mediator_id")
    public String mediatorId;

    /** ISO day of week, 1 Monday … 7 Sunday */
    @Column(name = "day_of_week")
    public short dayOfWeek;

    public LocalTime starts;

    public LocalTime ends;

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }
}
