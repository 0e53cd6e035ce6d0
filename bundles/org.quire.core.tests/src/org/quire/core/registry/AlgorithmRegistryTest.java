package org.quire.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;

class AlgorithmRegistryTest {

    public record NoParams() {
    }

    /** An algorithm whose id is given at construction (descriptor built by hand). */
    static final class Named implements Algorithm<NoParams> {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public AlgorithmDescriptor descriptor() {
            return new AlgorithmDescriptor(id, "demo", "Named " + id, "", List.of(), true, List.of(), ParameterSchema.of(NoParams.class));
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    @AlgorithmInfo(id = "demo.annotated", name = "Annotated")
    static class Annotated implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    /** No @AlgorithmInfo: the default descriptor() throws. */
    static final class Unannotated implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    public record UndocumentedParams(@Param(defaultValue = "1") int good, int undocumented) {
    }

    @AlgorithmInfo(id = "demo.badschema", name = "Bad schema")
    static final class BadSchema implements Algorithm<UndocumentedParams> {
        @Override
        public Class<UndocumentedParams> parameterType() {
            return UndocumentedParams.class;
        }

        @Override
        public Result run(UndocumentedParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    /** descriptor() throws an Error, as a plugin with a missing dependency would. */
    static final class Unlinkable extends Annotated {
        @Override
        public AlgorithmDescriptor descriptor() {
            throw new NoClassDefFoundError("org/example/Missing");
        }
    }

    private static final Origin A = new Origin("org.example.a", "1.0.0");
    private static final Origin B = new Origin("org.example.b", "2.3.0");

    @Test
    void listsAlgorithmsSortedById() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        for (String id : List.of("zeta.last", "alpha.first", "mid.dle", "alpha.b")) {
            assertThat(r.add(new Named(id), A)).isNotNull();
        }
        assertThat(r.algorithms()).extracting(RegisteredAlgorithm::id)
                .containsExactly("alpha.b", "alpha.first", "mid.dle", "zeta.last");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void findsByExactIdWithDescriptorAndOrigin() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        Annotated a = new Annotated();
        RegisteredAlgorithm reg = r.add(a, B);
        assertThat(reg.algorithm()).isSameAs(a);
        assertThat(reg.origin()).isEqualTo(B);
        assertThat(reg.descriptor().name()).isEqualTo("Annotated");
        assertThat(reg.descriptor().family()).isEqualTo("demo");
        assertThat(r.find("demo.annotated")).containsSame(reg);
        assertThat(r.find("demo.Annotated")).isEmpty();
        assertThat(r.find("demo")).isEmpty();
        assertThat(r.find(null)).isEmpty();
    }

    @Test
    void duplicateIdKeepsTheFirstAndNamesBothOrigins() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        Annotated first = new Annotated();
        Annotated second = new Annotated();
        assertThat(r.add(first, A)).isNotNull();
        assertThat(r.add(second, B)).isNull();

        assertThat(r.find("demo.annotated").orElseThrow().algorithm()).isSameAs(first);
        assertThat(r.algorithms()).hasSize(1);
        assertThat(r.problems()).hasSize(1);
        RegistryProblem p = r.problems().get(0);
        assertThat(p.source()).contains("org.example.b 2.3.0").contains(Annotated.class.getName());
        assertThat(p.message()).contains("duplicate algorithm id 'demo.annotated'")
                .contains("org.example.a 1.0.0").contains("org.example.b 2.3.0");
    }

    @Test
    void removingTheFirstOfADuplicateLetsTheSecondTakeOver() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        Annotated first = new Annotated();
        Annotated second = new Annotated();
        r.add(first, A);
        r.add(second, B);
        r.remove(first);
        RegisteredAlgorithm now = r.find("demo.annotated").orElseThrow();
        assertThat(now.algorithm()).isSameAs(second);
        assertThat(now.origin()).isEqualTo(B);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void removeForgetsTheAlgorithmAndItsProblemsAndIgnoresStrangers() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        Named keep = new Named("keep.me");
        Named drop = new Named("drop.me");
        Unannotated broken = new Unannotated();
        r.add(keep, A);
        r.add(drop, A);
        r.add(broken, A);
        assertThat(r.problems()).hasSize(1);

        r.remove(drop);
        r.remove(broken);
        r.remove(new Named("keep.me")); // another instance with the same id: not the registered one
        r.remove(null);
        assertThat(r.algorithms()).extracting(x -> (Object) x.algorithm()).containsExactly(keep);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void addingTheSameInstanceTwiceChangesNothing() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        Annotated a = new Annotated();
        RegisteredAlgorithm first = r.add(a, A);
        AtomicInteger changes = new AtomicInteger();
        r.subscribe(changes::incrementAndGet);
        assertThat(r.add(a, B)).isSameAs(first);
        assertThat(r.problems()).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void missingAlgorithmInfoIsAProblemNamingClassAndBundle() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        assertThat(r.add(new Unannotated(), A)).isNull();
        assertThat(r.algorithms()).isEmpty();
        RegistryProblem p = r.problems().get(0);
        assertThat(p.source()).isEqualTo("org.example.a 1.0.0 (class " + Unannotated.class.getName() + ")");
        assertThat(p.message()).isEqualTo("invalid parameter schema or descriptor: IllegalArgumentException: "
                + Unannotated.class.getName() + " has no @AlgorithmInfo annotation");
        assertThat(p.bundle()).isEqualTo("org.example.a");
        assertThat(p.algorithmId()).isEmpty();
    }

    /** Declares a class as its parameter type through a raw cast: the schema cannot be read. */
    @AlgorithmInfo(id = "demo.notrecord", name = "Not a record")
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class NotRecordParams implements Algorithm {
        @Override
        public Class parameterType() {
            return String.class;
        }

        @Override
        public Result run(Record p, List in, RunContext ctx) {
            return Result.empty();
        }
    }

    @Test
    void aParameterTypeThatIsNotARecordIsAProblemWithTheDeclaredId() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        assertThat(r.add(new NotRecordParams(), B)).isNull();
        RegistryProblem p = r.problems().get(0);
        assertThat(p.message()).isEqualTo("invalid parameter schema: parameter type java.lang.String is not a record"
                + " (parameters must be a record whose components carry @Param)");
        assertThat(p.algorithmId()).isEqualTo("demo.notrecord");
        assertThat(r.problemFor("demo.notrecord")).contains(p);
        assertThat(r.problemFor("demo.other")).isEmpty();
    }

    @Test
    void invalidParameterSchemaIsAProblemNamingTheComponent() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        assertThat(r.add(new BadSchema(), B)).isNull();
        RegistryProblem p = r.problems().get(0);
        assertThat(p.source()).contains("org.example.b").contains(BadSchema.class.getName());
        assertThat(p.message()).contains(UndocumentedParams.class.getName() + ".undocumented has no @Param annotation");
    }

    @Test
    void errorsFromDescriptorDoNotBreakTheRegistry() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        assertThat(r.add(new Unlinkable(), A)).isNull();
        assertThat(r.add(new Named("still.works"), A)).isNotNull();
        assertThat(r.problems()).extracting(RegistryProblem::message)
                .containsExactly("descriptor could not be read: NoClassDefFoundError: org/example/Missing");
        assertThat(r.algorithms()).extracting(RegisteredAlgorithm::id).containsExactly("still.works");
    }

    @Test
    void subscribersAreNotifiedAfterEachChangeAndSeeIt() throws Exception {
        AlgorithmRegistry r = new AlgorithmRegistry();
        List<List<String>> seen = new ArrayList<>();
        AutoCloseable subscription = r.subscribe(() -> seen.add(r.algorithms().stream().map(RegisteredAlgorithm::id).toList()));
        Named b = new Named("b.b");
        r.add(b, A);
        r.add(new Named("a.a"), A);
        r.add(new Unannotated(), A); // a problem is a change too
        r.remove(b);
        r.remove(b); // no change: no notification
        assertThat(seen).containsExactly(List.of("b.b"), List.of("a.a", "b.b"), List.of("a.a", "b.b"), List.of("a.a"));

        subscription.close();
        r.add(new Named("c.c"), A);
        assertThat(seen).hasSize(4);
    }

    @Test
    void aFailingSubscriberDoesNotBreakTheRegistryNorOtherSubscribers() {
        AlgorithmRegistry r = new AlgorithmRegistry();
        AtomicInteger other = new AtomicInteger();
        r.subscribe(() -> {
            throw new IllegalStateException("subscriber bug");
        });
        r.subscribe(other::incrementAndGet);
        assertThat(r.add(new Named("x.y"), A)).isNotNull();
        r.remove(r.find("x.y").orElseThrow().algorithm());
        assertThat(other).hasValue(2);
        assertThat(r.algorithms()).isEmpty();
    }

    @Test
    void concurrentAddsAndRemovesLoseNothing() throws Exception {
        AlgorithmRegistry r = new AlgorithmRegistry();
        int threads = 6;
        int perThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Named keep = new Named(String.format("t%d.keep%03d", id, i));
                        Named drop = new Named(String.format("t%d.drop%03d", id, i));
                        r.add(keep, A);
                        r.add(drop, A);
                        r.remove(drop);
                        assertThat(r.find(keep.id)).isPresent();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(errors).isEmpty();
        List<String> ids = r.algorithms().stream().map(RegisteredAlgorithm::id).toList();
        assertThat(ids).hasSize(threads * perThread).isSorted().allMatch(id -> id.contains(".keep"));
    }
}
