package cn.tiaojie.testsupport.layerfixture.rest;

public record ThingRequest(String name) {
}
