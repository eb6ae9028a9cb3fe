package cn.tiaojie.testsupport.layerfixture.service;

import com.google.protobuf.StringValue;

/** Breaks the rule for services: it takes a protobuf message. */
public class ProtoTakingService {
    public String value(StringValue message) {
        return message.getValue();
    }
}
