package dev.mlat.core.validation.internal;

import dev.mlat.core.model.Attachment;
import dev.mlat.core.model.Request;
import dev.mlat.core.model.Subject;
import dev.mlat.core.model.measure.AssetConfiscation;
import dev.mlat.core.model.measure.AssetFreezing;
import dev.mlat.core.model.measure.BankingInformation;
import dev.mlat.core.model.measure.Hearing;
import dev.mlat.core.model.measure.Measure;
import dev.mlat.core.model.measure.SearchAndSeizure;
import dev.mlat.core.model.measure.ServiceOfDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-references inside a request (a structural, draft-level rule): subject references and
 * attachment ids are unique, and every reference to them resolves. Returns the failing JSON paths.
 */
public final class References {

  private References() {}

  /** The JSON paths of references that are duplicated or do not resolve. */
  public static List<String> check(Request request) {
    var out = new ArrayList<String>();
    Set<String> subjects = new HashSet<>();
    for (int i = 0; i < request.subjects().size(); i++) {
      Subject s = request.subjects().get(i);
      if (!subjects.add(s.reference())) {
        out.add("$.subjects[" + i + "].reference");
      }
    }
    Set<String> attachments = new HashSet<>();
    for (int i = 0; i < request.attachments().size(); i++) {
      if (!attachments.add(request.attachments().get(i).attachmentId())) {
        out.add("$.attachments[" + i + "].attachmentId");
      }
    }
    for (int i = 0; i < request.attachments().size(); i++) {
      Attachment a = request.attachments().get(i);
      if (a.translationOf().isPresent() && !attachments.contains(a.translationOf().get())) {
        out.add("$.attachments[" + i + "].translationOf");
      }
    }
    for (int i = 0; i < request.measures().size(); i++) {
      Measure m = request.measures().get(i);
      String base = "$.measures[" + i + "].";
      List<String> subjectRefs = List.of();
      Optional<String> subjectRef = Optional.empty();
      if (m instanceof AssetFreezing f) {
        subjectRefs = f.subjectReferences();
      } else if (m instanceof AssetConfiscation c) {
        subjectRefs = c.subjectReferences();
      } else if (m instanceof BankingInformation b) {
        subjectRefs = b.subjectReferences();
      } else if (m instanceof SearchAndSeizure s) {
        subjectRefs = s.subjectReferences();
      } else if (m instanceof Hearing h) {
        subjectRef = h.subjectReference();
      } else if (m instanceof ServiceOfDocuments d) {
        subjectRef = d.subjectReference();
        for (int k = 0; k < d.attachmentIds().size(); k++) {
          if (!attachments.contains(d.attachmentIds().get(k))) {
            out.add(base + "attachmentIds[" + k + "]");
          }
        }
      }
      for (int k = 0; k < subjectRefs.size(); k++) {
        if (!subjects.contains(subjectRefs.get(k))) {
          out.add(base + "subjectReferences[" + k + "]");
        }
      }
      if (subjectRef.isPresent() && !subjects.contains(subjectRef.get())) {
        out.add(base + "subjectReference");
      }
    }
    return out;
  }
}
