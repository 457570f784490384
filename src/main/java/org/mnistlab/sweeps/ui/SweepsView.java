package org.mnistlab.sweeps.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.mnistlab.base.ui.Format;
import org.mnistlab.sweeps.SweepReport;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.base.ui.LabIcon;

/** {@code /sweeps}: every sweep, newest first, with its state and progress. */
@RolesAllowed(Roles.VIEWER)
@Route("sweeps")
@PageTitle("Sweeps · MNIST Lab")
@Menu(order = 3.5, title = "Sweeps", icon = "lab:grid-small")
public class SweepsView extends VerticalLayout {

    public SweepsView(SweepService service) {
        setSizeFull();
        Button create = new Button("New sweep", LabIcon.Name.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(SweepNewView.class)));
        create.setId("new-sweep");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Grid<SweepReport> grid = new Grid<>();
        grid.setId("sweeps-grid");
        grid.addComponentColumn(r -> new RouterLink("#" + r.sweep().id() + " " + r.sweep().name(), SweepView.class,
                SweepView.params(r.sweep().id()))).setHeader("Sweep").setFlexGrow(3);
        grid.addColumn(r -> r.sweep().spec().strategy().name().toLowerCase()).setHeader("Strategy");
        grid.addColumn(r -> r.state().name().toLowerCase()).setHeader("State");
        grid.addColumn(SweepReport::progress).setHeader("Trials").setFlexGrow(2);
        grid.addColumn(r -> r.best().map(t -> Format.percent(t.bestValidationAccuracy())).orElse(Format.NONE))
                .setHeader("Best val acc");
        grid.addColumn(r -> Format.dateTime(r.sweep().createdAt())).setHeader("Created");
        grid.setItems(service.sweeps().stream().map(s -> service.report(s.id()).orElseThrow()).toList());
        add(new H2("Sweeps"), create, grid);
    }
}
