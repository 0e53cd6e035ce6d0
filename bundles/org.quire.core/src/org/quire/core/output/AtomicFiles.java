package org.quire.core.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files atomically: the content goes to {@code .<name>.tmp-<random>} in the same directory,
 * is flushed to disk, and is then renamed onto {@code <name>} with {@code ATOMIC_MOVE} (falling back to
 * {@code REPLACE_EXISTING} where the file system cannot). The temporary file is deleted when anything
 * fails. A reader therefore sees the old file, the new file, or none, never a partial one.
 * Thread-safe; concurrent writes of the same name end with one of them.
 */
final class AtomicFiles {

    /** The prefix and infix of temporary names, for tests and clean-up: {@code .<name>.tmp-}. */
    static final String TEMP_MARK = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content of one file to a stream; must not keep the stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code dir/name} atomically from {@code content}. */
    static void write(Path dir, String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        Path temp = dir.resolve("." + name + TEMP_MARK + HexFormat.of().formatHex(r));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(channel)), 1 << 16);
                content.writeTo(new NonClosing(out));
                out.flush();
                channel.force(true);
            }
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure matters more; the name is marked as temporary anyway
                }
            }
        }
    }

    /** Writes {@code dir/name} atomically as UTF-8 text. */
    static void writeText(Path dir, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(dir, name, out -> out.write(bytes));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether a file name is one of our temporary names. */
    static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.contains(TEMP_MARK);
    }

    /** Keeps writers (image encoders, JSON generators) from closing the channel before it is forced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
