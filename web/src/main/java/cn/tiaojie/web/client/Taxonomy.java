package cn.tiaojie.web.client;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The dispute taxonomy (categories and subcategories with their Chinese names) as case-service serves it, read once
 * with the first signed-in user's token and kept: it is reference data that changes only with a release.
 */
@ApplicationScoped
@Named("taxonomy")
public class Taxonomy {

    /** A category with its subcategories, for the pickers. */
    @TemplateData
    public record Category(String code, String name, List<Subcategory> subcategories) {
    }

    @TemplateData
    public record Subcategory(String code, String name, String categoryName) {
    }

    @TemplateData
    public record Department(String code, String name) {
    }

    private final CaseApi cases;
    private volatile List<Category> categories;
    private volatile List<Department> departments;
    private volatile Map<String, String> names;

    Taxonomy(@RestClient CaseApi cases) {
        this.cases = cases;
    }

    public List<Category> categories() {
        load();
        return categories;
    }

    /** The departments a case can summon (吹哨), for the summons form. */
    public List<Department> departments() {
        load();
        return departments;
    }

    /** The Chinese name of a category, subcategory or department code ("劳动争议 · 拖欠工资"); the code if it is unknown. */
    public String name(Object code) {
        if (code == null) {
            return "";
        }
        load();
        return names.getOrDefault(code.toString(), code.toString());
    }

    @SuppressWarnings("unchecked")
    private void load() {
        if (categories != null) {
            return;
        }
        synchronized (this) {
            if (categories != null) {
                return;
            }
            Map<String, Object> document = cases.taxonomy();
            Map<String, String> byCode = new LinkedHashMap<>();
            List<Category> loaded = ((List<Map<String, Object>>) document.get("categories")).stream().map(c -> {
                String categoryName = (String) c.get("nameZh");
                byCode.put((String) c.get("code"), categoryName);
                List<Subcategory> subs = ((List<Map<String, Object>>) c.get("subcategories")).stream().map(s -> {
                    String code = (String) s.get("code");
                    byCode.put(code, categoryName + " · " + s.get("nameZh"));
                    return new Subcategory(code, (String) s.get("nameZh"), categoryName);
                }).toList();
                return new Category((String) c.get("code"), categoryName, subs);
            }).toList();
            List<Department> loadedDepartments = ((List<Map<String, Object>>) document.get("departments")).stream()
                    .map(d -> new Department((String) d.get("code"), (String) d.get("nameZh"))).toList();
            loadedDepartments.forEach(d -> byCode.put(d.code(), d.name()));
            names = Map.copyOf(byCode);
            departments = loadedDepartments;
            categories = loaded;
        }
    }
}
