package cn.tiaojie.deploy;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML files strictly: a duplicate key or a document that is not a mapping is an error, not a guess. */
public final class YamlFiles {

    private YamlFiles() {
    }

    /** Every document of the file, numbered from 1; throws {@link IllegalArgumentException} naming the file. */
    public static List<Manifest> read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Manifest> out = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = 0;
        try {
            for (Object document : yaml.loadAll(text)) {
                index++;
                if (document == null) {
                    continue;
                }
                JsonElement json = Json.fromYaml(document);
                if (!json.isJsonObject()) {
                    throw new IllegalArgumentException(file + "#" + index + ": a manifest must be a mapping");
                }
                out.add(new Manifest(file, index, json.getAsJsonObject()));
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": not valid YAML: " + String.join(" ", e.getMessage().lines().map(String::strip).toList()), e);
        }
        return out;
    }

    /** Every .yaml/.yml file under the directory, in a stable order. */
    public static List<Path> under(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
