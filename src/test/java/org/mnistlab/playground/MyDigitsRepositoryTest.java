package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

/** The my_digit table as Flyway creates it, in a real (in-memory) H2. */
@JdbcTest
@Import(MyDigitsRepository.class)
class MyDigitsRepositoryTest {

    @Autowired
    MyDigitsRepository repository;

    @Test
    void stores_a_labelled_digit_and_reads_it_back_newest_first() {
        byte[] seven = MnistTestDigits.image(0);
        byte[] two = MnistTestDigits.image(1);
        MyDigit older = repository.insert(7, seven, Instant.parse("2025-01-01T10:00:00Z"));
        MyDigit newer = repository.insert(2, two, Instant.parse("2025-01-01T10:05:00Z"));

        assertThat(repository.count()).isEqualTo(2);
        assertThat(repository.findAll()).extracting(MyDigit::id).containsExactly(newer.id(), older.id());
        assertThat(repository.findNewest(1)).extracting(MyDigit::id).containsExactly(newer.id());
        MyDigit read = repository.findById(older.id()).orElseThrow();
        assertThat(read.label()).isEqualTo(7);
        assertThat(read.pixels()).isEqualTo(seven);
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
    }

    @Test
    void deletes_a_digit() {
        MyDigit digit = repository.insert(3, new byte[784], Instant.now());

        assertThat(repository.delete(digit.id())).isTrue();
        assertThat(repository.delete(digit.id())).isFalse();
        assertThat(repository.findById(digit.id())).isEmpty();
    }

    @Test
    void the_table_refuses_a_label_outside_0_to_9_and_a_wrong_image_size() {
        assertThatThrownBy(() -> repository.insert(10, new byte[784], Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> repository.insert(1, new byte[100], Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_service_rejects_a_missing_label_and_an_unprocessed_image_with_clear_messages() {
        MyDigitsService service = new MyDigitsService(repository, null);

        assertThatThrownBy(() -> service.save(-1, GrayImage.blank(28, 28)))
                .hasMessage("Choose the digit's true label (0–9)");
        assertThatThrownBy(() -> service.save(4, GrayImage.blank(280, 280)))
                .hasMessage("Only a preprocessed 28×28 digit can be saved");
        MyDigit saved = service.save(4, new GrayImage(28, 28, MnistTestDigits.image(4)));
        assertThat(service.all()).extracting(MyDigit::id).contains(saved.id());
    }
}
