package com.cedarauthoring.tags;

import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * TagResource, UntagResource and ListTagsForResource over the resources that can carry tags here.
 * Which ARNs those are is given by the wiring ({@link Taggable}), so this feature knows no other feature.
 */
public final class TagService {

    /**
     * A kind of taggable resource.
     *
     * @param kind   for messages, e.g. "gateway"
     * @param owns   whether an ARN is of this kind (and of this service's region and account)
     * @param exists whether the resource with that ARN exists now
     */
    public record Taggable(String kind, Predicate<String> owns, Predicate<String> exists) {}

    private final TagStore store;
    private final List<Taggable> taggables;

    public TagService(TagStore store, List<Taggable> taggables) {
        this.store = store;
        this.taggables = List.copyOf(taggables);
    }

    public void tag(String resourceArn, Tags tags) {
        requireExisting(resourceArn);
        store.put(resourceArn, tags.values(), Tags.MAX_TAGS);
    }

    public void untag(String resourceArn, Collection<String> keys) {
        keys.forEach(k -> Tags.requireKey("tagKeys", k));
        requireExisting(resourceArn);
        store.remove(resourceArn, keys);
    }

    public Map<String, String> list(String resourceArn) {
        requireExisting(resourceArn);
        return store.tags(resourceArn);
    }

    /** The tags a create request carried, stored for the resource it created. */
    public void tagCreated(String resourceArn, Tags tags) {
        if (!tags.isEmpty()) {
            store.put(resourceArn, tags.values(), Tags.MAX_TAGS);
        }
    }

    /** Called when a resource is deleted: its tags go with it. */
    public void resourceDeleted(String resourceArn) {
        store.removeAll(resourceArn);
    }

    private void requireExisting(String resourceArn) {
        if (resourceArn == null || resourceArn.length() < 20 || resourceArn.length() > 1011) {
            throw ValidationException.field("resourceArn", "Member must have length between 20 and 1011, inclusive");
        }
        Taggable kind = taggables.stream().filter(t -> t.owns().test(resourceArn)).findFirst()
                .orElseThrow(() -> ValidationException.field("resourceArn", "Tags are supported on "
                        + taggables.stream().map(Taggable::kind).toList() + " of this service; not on " + resourceArn));
        if (!kind.exists().test(resourceArn)) {
            throw new ResourceNotFoundException("The " + kind.kind() + " " + resourceArn + " was not found");
        }
    }
}
