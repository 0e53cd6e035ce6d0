package org.quire.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ParameterIoTest {

    @Test
    void jsonRoundTripRestoresTheNetworkExactly() {
        Mlp trained = new Mlp("drift", new int[] {3, 8, 2}, Activation.TANH, false, new SplittableRandom(1));
        trained.parameters().get(1).value().data()[3] = -1.0 / 3.0; // a bias that is not zero
        String json = ParameterIo.toJson(trained.parameters());
        assertThat(json).startsWith("{\"format\":\"quire-nn-parameters\",\"version\":1,\"parameters\":[{\"name\":\"drift.0.weight\",\"rows\":3,\"cols\":8,\"data\":[");

        Mlp fresh = new Mlp("drift", new int[] {3, 8, 2}, Activation.TANH, false, new SplittableRandom(99));
        Matrix x = TapeGradientTest.param("x", 5, 3, -1, 1, 2).value();
        assertThat(fresh.predict(x).data()).isNotEqualTo(trained.predict(x).data());
        ParameterIo.loadJson(fresh.parameters(), json);
        for (int i = 0; i < trained.parameters().size(); i++) {
            assertThat(fresh.parameters().get(i).value().data()).containsExactly(trained.parameters().get(i).value().data());
        }
        assertThat(fresh.predict(x).data()).containsExactly(trained.predict(x).data());
    }

    @Test
    void mapFormRoundTripsAndKeepsNonFiniteValues() {
        Parameter p = new Parameter("p", Matrix.of(new double[][] {{1.5, Double.NaN}, {Double.POSITIVE_INFINITY, -0.0}}));
        Map<String, Object> map = ParameterIo.toMap(List.of(p));
        Parameter q = new Parameter("p", new Matrix(2, 2));
        ParameterIo.load(List.of(q), map);
        assertThat(q.value().data()).containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0);
        Parameter r = new Parameter("p", new Matrix(2, 2));
        ParameterIo.loadJson(List.of(r), ParameterIo.toJson(List.of(p)));
        assertThat(r.value().data()).containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0);
    }

    @Test
    void mismatchesNameTheFieldAndChangeNothing() {
        Parameter p = new Parameter("w", Matrix.row(1, 2, 3));
        String json = ParameterIo.toJson(List.of(p));
        Parameter wrongShape = new Parameter("w", Matrix.column(7, 7, 7));
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(wrongShape), json))
                .hasMessageContaining("parameters[0]").hasMessageContaining("1x3 in the file but 3x1 in the model");
        assertThat(wrongShape.value().data()).containsExactly(7, 7, 7);
        Parameter other = new Parameter("v", Matrix.row(0, 0, 0));
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(p, other), json)).hasMessageContaining("parameters: missing v")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(other), json)).hasMessageContaining("parameters[0].name: no parameter called w");
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(p), json.replace("3.0", "\"x\"")))
                .hasMessageContaining("parameters[0].data[2]: expected a number");
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(p), "{\"format\":\"other\"}")).hasMessageContaining("format");
        assertThatThrownBy(() -> ParameterIo.loadJson(List.of(p), "{\"format\":\n[1,}")).hasMessageContaining("JSON line 2");
    }
}
