package org.mnistlab.ensembles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tabs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.ensembles.EnsembleService;
import org.mnistlab.runs.ui.EvaluationPanel;
import org.mnistlab.security.Role;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunRecord;
import org.springframework.beans.factory.annotation.Autowired;

class EnsemblesViewTest extends SpringAppTest {

    @Autowired
    EnsembleService ensembles;

    @Test
    void the_address_chooses_the_runs_and_evaluating_opens_the_ensemble_with_its_verdicts() {
        long a = runs.tiny(Architecture.MLP, 2000);
        long b = runs.tiny(Architecture.LOGISTIC, 1000);

        open("ensembles?runs=" + a + "," + b);
        EnsembleForm form = _get(EnsembleForm.class);
        assertThat(form.runs.getValue()).extracting(RunRecord::id).containsExactlyInAnyOrder(a, b);
        _click(_get(Button.class, spec -> spec.withId("evaluate-ensemble")));

        awaitUi(Duration.ofMinutes(2), () -> UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .startsWith("ensembles/"));
        long id = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath().substring(10));
        var stored = ensembles.find(id).orElseThrow();
        assertThat(_get(Paragraph.class, spec -> spec.withId("average-verdict")).getText())
                .startsWith("Averaging the probabilities: ")
                .contains("best member, #" + stored.ensemble().bestMember().runId());
        assertThat(_get(Paragraph.class, spec -> spec.withId("vote-verdict")).getText()).startsWith("Majority vote: ");
        assertThat(_find(EvaluationPanel.class)).hasSize(1);
        Tabs tabs = _get(Tabs.class, spec -> spec.withId("ensemble-mode-tabs"));
        tabs.setSelectedIndex(1);
        assertThat(_get(EvaluationPanel.class).getElement().getText()).isNotNull();
    }

    @Test
    void a_viewer_sees_the_form_but_may_not_evaluate() {
        long a = runs.tiny(Architecture.MLP, 2000);
        long b = runs.tiny(Architecture.LOGISTIC, 1000);
        loginAs("visitor", Role.VIEWER);

        open("ensembles?runs=" + a + "," + b);

        assertThat(_get(Button.class, spec -> spec.withId("evaluate-ensemble")).isEnabled()).isFalse();
    }

    @Test
    void an_unknown_ensemble_says_so() {
        open("ensembles/999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("ensemble-missing")).getText())
                .isEqualTo("There is no ensemble #999999.");
    }
}
