package cn.tiaojie.scheduling;

import cn.tiaojie.testsupport.LayerRules;
import org.junit.jupiter.api.Test;

class LayerRulesTest {

    @Test
    void layersPointOneWay() {
        LayerRules.check("cn.tiaojie.scheduling");
    }
}
