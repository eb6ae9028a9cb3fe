package cn.tiaojie.notify;

import cn.tiaojie.testsupport.LayerRules;
import org.junit.jupiter.api.Test;

/** The layers of notify-service point one way: edges → services → model, mapping at the edges. */
class LayerRulesTest {

    @Test
    void layersPointOneWay() {
        LayerRules.check("cn.tiaojie.notify");
    }
}
