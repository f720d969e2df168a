package dev.mlat.core.validation.internal;

import dev.mlat.core.model.Instrument;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.measure.DataProduction;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.Preservation;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures an instrument does not provide for (a structural, draft-level rule). Only instruments
 * with a closed list of measures are checked: Regulation (EU) 2023/1543 knows the European
 * Production Order and the European Preservation Order and nothing else (Art. 1(1)). The
 * conventions and treaties provide mutual assistance "to the widest extent possible" and are not
 * closed lists.
 */
public final class MeasureAvailability {

  /** The citation used in messages for a measure the Regulation does not provide for. */
  public static final String E_EVIDENCE_SOURCE = "Reg. 2023/1543 Art. 1(1)";

  private MeasureAvailability() {}

  /** The JSON paths of measures the request's instrument does not provide for. */
  public static List<String> check(Request request) {
    var out = new ArrayList<String>();
    if (request.legalBasis().map(b -> b.instrument() == Instrument.EU_E_EVIDENCE_REGULATION).orElse(false)) {
      for (int i = 0; i < request.measures().size(); i++) {
        Measure m = request.measures().get(i);
        if (!(m instanceof DataProduction) && !(m instanceof Preservation)) {
          out.add("$.measures[" + i + "]");
        }
      }
    }
    return out;
  }
}
