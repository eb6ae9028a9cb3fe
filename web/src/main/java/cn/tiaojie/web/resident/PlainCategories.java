package cn.tiaojie.web.resident;

import java.util.List;
import java.util.Optional;

/** What happened, in the words a resident uses, and the subcategory of the taxonomy each choice files under. */
public final class PlainCategories {

    public record Choice(String key, String words, String example, String subcategory) {
    }

    public static final List<Choice> ALL = List.of(
            new Choice("neighbour", "和邻居闹矛盾", "吵闹、漏水、走路、围墙、琐事", "NEIGHBOUR.DAILY_FRICTION"),
            new Choice("family", "家里的事", "老人赡养、孩子抚养、分家产、夫妻吵架", "MARRIAGE_FAMILY.DOMESTIC_CONFLICT"),
            new Choice("wages", "工钱没拿到", "干了活老板不给钱", "LABOUR.WAGE_ARREARS"),
            new Choice("loan", "借钱不还", "借给别人的钱要不回来", "CONTRACT_DEBT.PRIVATE_LENDING"),
            new Choice("house", "房子和宅基地", "建房、买房、租房、宅基地", "HOUSING_HOMESTEAD.HOMESTEAD_USE"),
            new Choice("land", "土地、山林、用水", "地界、承包地、山林、灌溉用水", "LAND_FOREST.LAND_BOUNDARY"),
            new Choice("traffic", "交通事故", "车撞了人或东西，赔偿谈不拢", "ROAD_TRAFFIC.PROPERTY_LOSS"),
            new Choice("shopping", "买东西吃了亏", "东西有质量问题、预付卡退不了钱", "CONSUMER.PRODUCT_QUALITY"),
            new Choice("property", "小区物业", "物业费、物业服务", "PROPERTY_MANAGEMENT.SERVICE_QUALITY"),
            new Choice("other", "其他事情", "上面都不是", "OTHER.GENERAL"));

    private PlainCategories() {
    }

    public static Optional<Choice> find(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
