package org.quire.testalgorithms;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.quire.api.InputException;

/**
 * Reads the {@code offsets} input of {@link RandomWalk}: UTF-8 text, first line the header {@code offset},
 * then one finite decimal number per line (blank lines are skipped; a value may be in double quotes).
 */
final class OffsetsCsv {

    static final String COLUMN = "offset";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private OffsetsCsv() {
    }

    /**
     * The numbers of the file, in order.
     *
     * @throws InputException naming the file and line: unreadable, wrong header, a cell that is not a number, no numbers
     */
    static double[] read(Path file) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InputException(file, 0, "expected UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read the file: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new InputException(file, 1, "expected the header '" + COLUMN + "', found an empty file");
        }
        String header = unquote(lines.get(0).replace("\uFEFF", ""));
        if (!header.equals(COLUMN)) {
            throw new InputException(file, 1, "expected the header '" + COLUMN + "', found '" + lines.get(0) + "'");
        }
        double[] values = new double[lines.size() - 1];
        int count = 0;
        for (int i = 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            String cell = unquote(raw);
            if (cell.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches() || !Double.isFinite(Double.parseDouble(cell))) {
                throw new InputException(file, i + 1, "expected a number in column '" + COLUMN + "', found '" + raw + "'");
            }
            values[count++] = Double.parseDouble(cell);
        }
        if (count == 0) {
            throw new InputException(file, 2, "expected at least one number below the header '" + COLUMN + "'");
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }
}
