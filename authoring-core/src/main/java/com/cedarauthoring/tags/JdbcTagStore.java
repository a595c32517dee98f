package com.cedarauthoring.tags;

import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.store.Jdbc;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@link TagStore} in plain SQL (H2 in PostgreSQL mode, PostgreSQL). */
public final class JdbcTagStore implements TagStore {
    private final Jdbc jdbc;

    public JdbcTagStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String resourceArn, Map<String, String> tags, int maxTags) {
        jdbc.inTransaction(() -> {
            Map<String, String> after = new HashMap<>(tags(resourceArn));
            after.putAll(tags);
            if (after.size() > maxTags) {
                throw ValidationException.field("tags", "A resource has at most " + maxTags + " tags (it would have "
                        + after.size() + ")");
            }
            for (Map.Entry<String, String> e : tags.entrySet()) {
                jdbc.update("DELETE FROM resource_tags WHERE resource_arn = ? AND tag_key = ?", resourceArn, e.getKey());
                jdbc.update("INSERT INTO resource_tags (resource_arn, tag_key, tag_value) VALUES (?, ?, ?)",
                        resourceArn, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    @Override
    public void remove(String resourceArn, Collection<String> keys) {
        jdbc.inTransaction(() -> {
            for (String key : keys) {
                jdbc.update("DELETE FROM resource_tags WHERE resource_arn = ? AND tag_key = ?", resourceArn, key);
            }
            return null;
        });
    }

    @Override
    public void removeAll(String resourceArn) {
        jdbc.update("DELETE FROM resource_tags WHERE resource_arn = ?", resourceArn);
    }

    @Override
    public Map<String, String> tags(String resourceArn) {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT tag_key, tag_value FROM resource_tags WHERE resource_arn = ?",
                rs -> out.put(rs.getString(1), rs.getString(2)), resourceArn);
        return out;
    }
}
