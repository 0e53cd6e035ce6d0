package org.quire.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.quire.api.Progress;

/**
 * One node of a {@link ProgressTree}; see there for the semantics. All state is guarded by the
 * tree's lock; methods ending in {@code Locked} must be called holding it.
 */
final class ProgressNode implements Progress {

    private final ProgressTree tree;
    private final ProgressNode parent;
    /** Units of the parent's total this node stands for. */
    private final long units;

    private final List<ProgressNode> children = new ArrayList<>(2);
    private String task = "";
    private String message = "";
    private long total;
    /** Units done, including those of completed children. */
    private long worked;
    /** Units handed to open children. */
    private long reserved;
    /** Fraction of this node's share done before the latest begin. */
    private double base;
    private boolean complete;
    private Thread beganBy;
    private long beganSequence;

    ProgressNode(ProgressTree tree, ProgressNode parent, long units) {
        this.tree = tree;
        this.parent = parent;
        this.units = units;
    }

    @Override
    public void begin(String task, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("total work must be >= 0, got " + total + " for task '" + task + "'");
        }
        synchronized (tree.lock) {
            completeChildrenLocked(null);
            base = fractionLocked();
            this.total = total;
            worked = 0;
            reserved = 0;
            this.task = task == null ? "" : task;
            message = "";
            beganBy = Thread.currentThread();
            beganSequence = tree.nextSequenceLocked();
        }
        tree.changed();
    }

    @Override
    public void worked(long n) {
        tree.checkCancelled();
        synchronized (tree.lock) {
            completeChildrenLocked(Thread.currentThread());
            if (!complete && n > 0) {
                long add = Math.min(n, total - worked - reserved);
                if (add > 0) {
                    worked += add;
                    if (worked == total) {
                        completeLocked();
                    }
                }
            }
        }
        tree.changed();
    }

    @Override
    public Progress split(long n) {
        tree.checkCancelled();
        ProgressNode child;
        synchronized (tree.lock) {
            completeChildrenLocked(Thread.currentThread());
            long room = complete ? 0 : total - worked - reserved;
            long u = Math.max(0, Math.min(n, room));
            child = new ProgressNode(tree, this, u);
            if (u > 0) {
                children.add(child);
                reserved += u;
            } else {
                child.complete = true; // nothing left to hand out: its work cannot show
            }
        }
        tree.changed();
        return child;
    }

    @Override
    public void message(String message) {
        synchronized (tree.lock) {
            this.message = message == null ? "" : message;
        }
        tree.changed();
    }

    @Override
    public boolean isCancelled() {
        return tree.isCancelled();
    }

    /** This node's fraction done, in [0, 1]. */
    double fractionLocked() {
        if (complete) {
            return 1.0;
        }
        if (total == 0) {
            return base;
        }
        double done = worked;
        for (ProgressNode c : children) {
            done += c.units * c.fractionLocked();
        }
        double g = done / total;
        return g >= 1.0 ? 1.0 : base + (1.0 - base) * g;
    }

    /** Marks this node complete: open children are completed and the whole share counts as done in the parent. */
    void completeLocked() {
        if (complete) {
            return;
        }
        complete = true;
        for (ProgressNode c : new ArrayList<>(children)) {
            c.completeLocked();
        }
        if (parent != null && parent.children.remove(this)) {
            parent.reserved -= units;
            parent.worked += units;
            if (!parent.complete && parent.total > 0 && parent.worked == parent.total) {
                parent.completeLocked();
            }
        }
    }

    /** Completes the open children begun by {@code thread} (all open children when null). */
    private void completeChildrenLocked(Thread thread) {
        // backwards and re-checked: completing a child removes it and may complete this node too
        for (int i = children.size() - 1; i >= 0; i--) {
            if (i < children.size()) {
                ProgressNode c = children.get(i);
                if (thread == null || c.beganBy == thread) {
                    c.completeLocked();
                }
            }
        }
    }

    /** The most recently begun open child, or null. */
    ProgressNode activeChildLocked() {
        ProgressNode best = null;
        for (ProgressNode c : children) {
            if (c.beganBy != null && (best == null || c.beganSequence > best.beganSequence)) {
                best = c;
            }
        }
        return best;
    }

    String taskLocked() {
        return task;
    }

    String messageLocked() {
        return message;
    }
}
