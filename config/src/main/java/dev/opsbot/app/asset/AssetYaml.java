package dev.opsbot.app.asset;

import dev.opsbot.asset.Asset;
import dev.opsbot.asset.AssetCsv;
import dev.opsbot.asset.AssetImport;
import dev.opsbot.command.Refusal;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Assets as YAML: a list of mappings (or {@code assets:} holding one) with the CSV's fields;
 * {@code probe} may be a list and {@code tag} a mapping. Read as nodes, never as objects, so a
 * file cannot make SnakeYAML build arbitrary types, and each row keeps the line it starts on.
 */
final class AssetYaml {

    private AssetYaml() {
    }

    static List<AssetImport.Row> read(Reader in) {
        Node root = new Yaml(new LoaderOptions()).compose(in);
        if (root instanceof MappingNode map && map.getValue().size() == 1
                && scalar(map.getValue().get(0).getKeyNode()).equals("assets")) {
            root = map.getValue().get(0).getValueNode();
        }
        if (!(root instanceof SequenceNode list)) {
            throw Refusal.badInput("The YAML file must be a list of assets, or hold one under “assets:”.");
        }
        List<AssetImport.Row> rows = new ArrayList<>();
        for (Node item : list.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                rows.add(new AssetImport.Row(line, Map.of(), "it is not a mapping of fields."));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            String problem = null;
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode()).toLowerCase(Locale.ROOT);
                if (!AssetCsv.COLUMNS.contains(key)) {
                    problem = "“" + key + "” is not an asset field; use " + String.join(", ", AssetCsv.COLUMNS) + ".";
                    break;
                }
                values.put(key, value(t.getValueNode()));
            }
            rows.add(new AssetImport.Row(line, values, problem));
        }
        return rows;
    }

    private static String value(Node node) {
        if (node instanceof SequenceNode seq) {
            return String.join(" ", seq.getValue().stream().map(AssetYaml::scalar).toList());
        }
        if (node instanceof MappingNode map) {
            return String.join(" ", map.getValue().stream()
                    .map(t -> scalar(t.getKeyNode()) + "=" + scalar(t.getValueNode())).toList());
        }
        return scalar(node);
    }

    private static String scalar(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw Refusal.badInput("Line " + (node.getStartMark().getLine() + 1) + " holds a list or mapping where one "
                + "value belongs.");
    }

    /** One asset as a YAML list item, probes as a list and tags as a mapping. */
    static String write(List<Asset> assets) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Asset a : assets) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String column : AssetCsv.COLUMNS) {
                Object v = switch (column) {
                    case "probe" -> a.probes().isEmpty() ? null : a.probes();
                    case "tag" -> a.tags().isEmpty() ? null : new java.util.TreeMap<>(a.tags());
                    default -> {
                        String s = AssetImport.field(a, column);
                        yield s.isEmpty() ? null : s;
                    }
                };
                if (v != null) {
                    m.put(column, v);
                }
            }
            out.add(m);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(out);
    }
}
