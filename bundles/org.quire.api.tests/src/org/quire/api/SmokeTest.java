package org.quire.api;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
class SmokeTest { @Test void t() { assertThat(1+1).isEqualTo(2); } }
