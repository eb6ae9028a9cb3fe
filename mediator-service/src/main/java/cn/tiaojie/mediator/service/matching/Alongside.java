package cn.tiaojie.mediator.service.matching;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A read without parameters that goes out with a ranking, ahead of it, so it costs no round trip of its own. */
public interface Alongside {

    String sql();

    void read(ResultSet rs) throws SQLException;
}
