package org.quire.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.quire.api.CancelledException;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.InputRecord;

/** Size and SHA-256 of input files, for provenance. Stateless; reads each file once, in 64 KiB chunks. */
public final class InputDigests {

    private static final int CHUNK = 64 * 1024;

    private InputDigests() {
    }

    /**
     * Records of the given inputs, in order.
     *
     * @throws InputException     naming the file when one cannot be read
     * @throws CancelledException when {@code cancel} is set (checked between chunks)
     */
    public static List<InputRecord> of(List<InputFile> inputs, CancelSignal cancel) throws InputException {
        List<InputRecord> records = new ArrayList<>(inputs.size());
        for (InputFile in : inputs) {
            records.add(of(in, cancel));
        }
        return List.copyOf(records);
    }

    /** The record of one input; see {@link #of(List, CancelSignal)}. */
    public static InputRecord of(InputFile input, CancelSignal cancel) throws InputException {
        MessageDigest sha = sha256();
        long bytes = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(input.path())) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                sha.update(buffer, 0, n);
                bytes += n;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(input.path(), 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(input.path(), 0, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new InputException(input.path(), 0, "cannot be read: " + Failures.describe(e), e);
        }
        return new InputRecord(input.slot(), input.path(), bytes, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
