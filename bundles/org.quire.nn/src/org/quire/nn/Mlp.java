package org.quire.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.quire.compute.RandomStreams;

/**
 * A fully connected network {@code x -> [linear -> activation] x (L-1) -> linear} (no activation on the output).
 * Layer {@code l} has weight {@code "<name>.<l>.weight"} ({@code in x out}) and bias {@code "<name>.<l>.bias"}
 * ({@code 1 x out}). Weights are drawn with {@link Init#HE} for relu and {@link Init#XAVIER} otherwise, layer by
 * layer in row-major order from one generator; biases start at 0. Not thread-safe.
 */
public final class Mlp {

    private final String name;
    private final int[] sizes;
    private final Activation activation;
    private final Parameter[] weights;
    private final Parameter[] biases;
    private final List<Parameter> parameters;

    /**
     * @param layerSizes    {@code {in, hidden..., out}}, at least two sizes, all &ge; 1
     * @param zeroLastLayer when true the last weight and bias are exactly 0, so the network starts as the zero
     *                      function (control networks)
     * @param random        source of the initial weights
     */
    public Mlp(String name, int[] layerSizes, Activation activation, boolean zeroLastLayer, SplittableRandom random) {
        if (layerSizes.length < 2) {
            throw new IllegalArgumentException("layerSizes needs at least input and output sizes, had " + layerSizes.length);
        }
        for (int i = 0; i < layerSizes.length; i++) {
            if (layerSizes[i] < 1) {
                throw new IllegalArgumentException("layerSizes[" + i + "] must be >= 1, was " + layerSizes[i]);
            }
        }
        this.name = name;
        this.sizes = layerSizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        weights = new Parameter[layers];
        biases = new Parameter[layers];
        List<Parameter> all = new ArrayList<>();
        Init init = activation == Activation.RELU ? Init.HE : Init.XAVIER;
        for (int l = 0; l < layers; l++) {
            Matrix w = new Matrix(sizes[l], sizes[l + 1]);
            boolean zero = zeroLastLayer && l == layers - 1;
            (zero ? Init.ZERO : l == layers - 1 ? Init.XAVIER : init).fill(w, random);
            weights[l] = new Parameter(name + "." + l + ".weight", w);
            biases[l] = new Parameter(name + "." + l + ".bias", new Matrix(1, sizes[l + 1]));
            all.add(weights[l]);
            all.add(biases[l]);
        }
        parameters = Collections.unmodifiableList(all);
    }

    /** As {@link #Mlp(String, int[], Activation, boolean, SplittableRandom)} drawing from {@code streams.splittable(stream)}. */
    public Mlp(String name, int[] layerSizes, Activation activation, boolean zeroLastLayer, RandomStreams streams, long stream) {
        this(name, layerSizes, activation, zeroLastLayer, streams.splittable(stream));
    }

    /** The network applied to {@code x} ({@code batch x in}), recorded on {@code tape}: {@code batch x out}. */
    public Tensor forward(Tape tape, Tensor x) {
        if (x.cols() != sizes[0]) {
            throw new IllegalArgumentException("network " + name + " takes " + sizes[0] + " input columns, got " + x.cols());
        }
        Tensor h = x;
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            h = tape.linear(h, tape.param(weights[l]), tape.param(biases[l]));
            if (l < layers - 1) {
                h = tape.activate(h, activation);
            }
        }
        return h;
    }

    /** The network's output for {@code x} ({@code batch x in}), computed on a private single-threaded tape. */
    public Matrix predict(Matrix x) {
        Tape tape = new Tape();
        return forward(tape, tape.constant(x)).value().copy();
    }

    /** Weights and biases, layer by layer (weight then bias); live. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The name prefix of the parameters. */
    public String name() {
        return name;
    }

    /** Input width. */
    public int inputSize() {
        return sizes[0];
    }

    /** Output width. */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** A copy of the layer sizes. */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** The hidden activation. */
    public Activation activation() {
        return activation;
    }

    /** Total number of scalars in the parameters. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }
}
