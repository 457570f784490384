package org.mnistlab.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.runs.ui.RunsView;
import org.mnistlab.security.ui.LoginView;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunLimitException;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunRecord;

/** Who may do what with runs: checked by the run queue itself, and the screens hide what one may not do. */
class RunAccessTest extends SpringAppTest {

    private long storedRunOf(String owner) {
        RunConfig config = TestRuns.quick(Architecture.LOGISTIC, 500, 1).toBuilder().name("owned by " + owner).build();
        return store.insertQueued(config, 0, Instant.now(), owner);
    }

    @Test
    void a_trainer_cannot_delete_or_rename_another_users_run() {
        long id = storedRunOf("alice");
        loginAs("bob", Role.TRAINER);

        assertThatThrownBy(() -> queue.delete(id)).isInstanceOf(RunAccessDeniedException.class)
                .hasMessageContaining("only their own");
        assertThatThrownBy(() -> queue.rename(id, "mine now")).isInstanceOf(RunAccessDeniedException.class);
        assertThat(store.findById(id)).isPresent();

        loginAs("alice", Role.TRAINER);
        queue.delete(id);
        assertThat(store.findById(id)).isEmpty();
    }

    @Test
    void the_admin_may_delete_anyones_run() {
        long id = storedRunOf("alice");
        queue.delete(id);
        assertThat(store.findById(id)).isEmpty();
    }

    @Test
    void a_viewer_cannot_start_runs() {
        loginAs("vera", Role.VIEWER);
        assertThatThrownBy(() -> queue.submit(TestRuns.quick(Architecture.LOGISTIC, 500, 1), "vera"))
                .isInstanceOf(RunAccessDeniedException.class).hasMessageContaining("trainer role");
    }

    @Test
    void the_delete_button_is_absent_on_another_users_run() {
        long id = storedRunOf("alice");
        loginAs("bob", Role.TRAINER);
        open("runs/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("delete"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("rename"))).isEmpty();

        loginAs("alice", Role.TRAINER);
        open("runs/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("delete"))).hasSize(1);
    }

    @Test
    void mine_shows_only_the_users_own_runs() {
        long alices = storedRunOf("alice");
        long bobs = storedRunOf("bob");
        loginAs("alice", Role.TRAINER);
        UI.getCurrent().navigate(RunsView.class);
        _get(Checkbox.class, spec -> spec.withId("filter-mine")).setValue(true);
        @SuppressWarnings("unchecked")
        Grid<RunRecord> grid = _get(Grid.class, spec -> spec.withId("runs-grid"));
        List<Long> shown = GridKt._findAll(grid).stream().map(RunRecord::id).toList();
        assertThat(shown).contains(alices).doesNotContain(bobs);
    }

    @Test
    void a_trainer_may_have_three_runs_waiting_and_no_more() {
        loginAs("carol", Role.TRAINER);
        List<Long> queued = new ArrayList<>();
        RunConfig slow = TestRuns.quick(Architecture.LOGISTIC, 5000, 50);
        for (int i = 0; i < 3; i++) {
            queued.add(queue.submit(slow, "carol").id());
        }
        assertThatThrownBy(() -> queue.submit(slow, "carol")).isInstanceOf(RunLimitException.class)
                .hasMessage("You already have 3 runs queued or running, the most one user may have: wait until one"
                        + " ends or cancel one");
        queued.forEach(queue::cancel);
        assertThat(store.find(RunFilter.ALL.withOwner("carol"), RunSort.NEWEST_FIRST, 0, 10)).hasSize(3);
    }

    @Test
    void a_visitor_who_has_not_logged_in_is_sent_to_the_login_page() {
        logout();
        UI.getCurrent().navigate(RunsView.class);
        _get(LoginView.class);
        assertThat(_find(RunsView.class)).isEmpty();
    }
}
