package com.cedarauthoring.tags;

import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.store.Transactions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * TagResource, UntagResource and ListTagsForResource over the resources that can carry tags here.
 * Which ARNs those are is given by the wiring ({@link Taggable}), so this feature knows no other feature.
 * Tagging and untagging append their audit event in the same transaction as the change.
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
    private final Transactions transactions;
    private final AuditTrail audit;
    private final List<Taggable> taggables;

    public TagService(TagStore store, Transactions transactions, AuditTrail audit, List<Taggable> taggables) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.taggables = List.copyOf(taggables);
    }

    public void tag(Principal actor, String resourceArn, Tags tags) {
        requireExisting(resourceArn);
        put(actor, resourceArn, tags);
    }

    public void untag(Principal actor, String resourceArn, Collection<String> keys) {
        keys.forEach(k -> Tags.requireKey("tagKeys", k));
        requireExisting(resourceArn);
        transactions.inTransaction(() -> {
            store.remove(resourceArn, keys);
            audit.append(AuditEntry.by(actor, "UntagResource", resourceArn, Map.of("tagKeys", new TreeSet<>(keys))));
            return null;
        });
    }

    public Map<String, String> list(String resourceArn) {
        requireExisting(resourceArn);
        return store.tags(resourceArn);
    }

    /** The tags a create request carried, stored for the resource it created. */
    public void tagCreated(Principal actor, String resourceArn, Tags tags) {
        if (!tags.isEmpty()) {
            put(actor, resourceArn, tags);
        }
    }

    /** Values are not recorded: tags may carry data an auditor need not see; the keys say what changed. */
    private void put(Principal actor, String resourceArn, Tags tags) {
        transactions.inTransaction(() -> {
            store.put(resourceArn, tags.values(), Tags.MAX_TAGS);
            audit.append(AuditEntry.by(actor, "TagResource", resourceArn, Map.of("tagKeys", new TreeSet<>(tags.values().keySet()))));
            return null;
        });
    }

    /**
     * Called when a resource is deleted: its tags go with it. No event of its own: the resource's Delete event
     * records the change.
     */
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
