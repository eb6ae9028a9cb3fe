package cn.tiaojie.platform.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dispute taxonomy shared by every service, read once from the contracts jar. */
@ApplicationScoped
public class Taxonomy {

    public static final String RESOURCE = "reference/taxonomy.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(int version, int courtReferralResolutionHours, List<String> levels, List<Named> roles,
            List<Department> departments, List<Category> categories) {
    }

    /**
     * A department a case can summon (吹哨): its duty phone (SMS) and e-mail receive the summons, and it has
     * {@code deadlineHours} to report unless the summons says otherwise.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, String nameZh, String nameEn, int deadlineHours, String dutyPhone,
            String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String code, String nameZh, String nameEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String nameZh, String nameEn, List<Subcategory> subcategories) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subcategory(String code, String nameZh, String nameEn, String defaultLevel, SlaHours slaHours,
            String department, List<String> requiredRoles, List<String> optionalRoles, int hearingMinutes) {

        public String categoryCode() {
            return code.substring(0, code.indexOf('.'));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlaHours(int file, int dispatch, int hearing, int resolution) {
    }

    private final Document document;
    private final Map<String, Subcategory> subcategories = new LinkedHashMap<>();

    public Taxonomy(ObjectMapper mapper) {
        this.document = read(mapper);
        document.categories().forEach(c -> c.subcategories().forEach(s -> subcategories.put(s.code(), s)));
    }

    static Document read(ObjectMapper mapper) {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (contracts jar)");
            }
            return mapper.readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Document document() {
        return document;
    }

    public Optional<Subcategory> subcategory(String code) {
        return Optional.ofNullable(code).map(subcategories::get);
    }

    public Map<String, Subcategory> subcategories() {
        return subcategories;
    }

    public boolean isDepartment(String code) {
        return department(code).isPresent();
    }

    public Optional<Department> department(String code) {
        return document.departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
