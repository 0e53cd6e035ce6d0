package org.quire.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputFile;
import org.quire.api.InputSpec;

/**
 * Checks a request's input files against an algorithm's slots (count, extension, readable file)
 * and assigns them to slots in order. Stateless.
 */
final class InputSlots {

    private InputSlots() {
    }

    /**
     * @return the inputs with their slots and absolute paths
     * @throws RunSetupException INVALID for a wrong count or extension, INPUT_ERROR for a file that
     *                           is missing, a directory or unreadable
     */
    static List<InputFile> assign(AlgorithmDescriptor descriptor, List<Path> paths) throws RunSetupException {
        checkCount(descriptor, paths.size());
        List<InputSpec> slots = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            InputSpec slot = descriptor.slotOf(i);
            Path path = paths.get(i);
            Path name = path.getFileName();
            if (!slot.accepts(name == null ? path.toString() : name.toString())) {
                throw new RunSetupException(RunStatus.INVALID, "input " + (i + 1) + " '" + path + "' for slot '" + slot.name()
                        + "' of '" + descriptor.id() + "' is not in an accepted format; expected " + formats(slot));
            }
            slots.add(slot);
        }
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path absolute = paths.get(i).toAbsolutePath();
            checkReadable(absolute);
            inputs.add(new InputFile(slots.get(i).name(), normalized(absolute)));
        }
        return List.copyOf(inputs);
    }

    private static void checkCount(AlgorithmDescriptor d, int given) throws RunSetupException {
        int min = d.minInputs();
        int max = d.maxInputs();
        if (given >= min && given <= max) {
            return;
        }
        StringBuilder m = new StringBuilder("algorithm '").append(d.id()).append("' takes ");
        if (d.inputs().isEmpty()) {
            m.append("no input files, got ").append(given);
            throw new RunSetupException(RunStatus.INVALID, m.toString());
        }
        m.append(count(min, max, "input file")).append(", got ").append(given).append(": ");
        for (int i = 0; i < d.inputs().size(); i++) {
            InputSpec s = d.inputs().get(i);
            m.append(i == 0 ? "" : "; ").append("slot '").append(s.name()).append("' expects ")
                    .append(count(s.minCount(), s.maxCount(), "file")).append(" (").append(formats(s)).append(')');
        }
        throw new RunSetupException(RunStatus.INVALID, m.toString());
    }

    /** "exactly 1 file", "1 to 3 files", "at least 2 files". */
    static String count(int min, int max, String noun) {
        if (min == max) {
            return "exactly " + min + " " + noun + (min == 1 ? "" : "s");
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + min + " " + noun + (min == 1 ? "" : "s");
        }
        return min + " to " + max + " " + noun + "s";
    }

    /** "csv or tsv", or "any format". */
    static String formats(InputSpec slot) {
        if (slot.formats().isEmpty()) {
            return "any format";
        }
        List<String> f = slot.formats().stream().map(x -> "." + x).toList();
        return f.size() == 1 ? f.get(0) : String.join(", ", f.subList(0, f.size() - 1)) + " or " + f.get(f.size() - 1);
    }

    /** The path without "." and ".." when that names the same file (it may not, through symbolic links). */
    private static Path normalized(Path absolute) {
        Path normal = absolute.normalize();
        try {
            return normal.equals(absolute) || !Files.isSameFile(absolute, normal) ? absolute : normal;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static void checkReadable(Path file) throws RunSetupException {
        if (!Files.exists(file)) {
            throw new RunSetupException(RunStatus.INPUT_ERROR, "input file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new RunSetupException(RunStatus.INPUT_ERROR, "input is a directory, not a file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new RunSetupException(RunStatus.INPUT_ERROR, "input file is not readable (permission denied): " + file);
        }
    }
}
