package org.lowfreq.attacks;

import java.util.List;
import org.lowfreq.spi.Attack;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Plugin;

/** Offers targeted PGD and FMN for Linf and L2. */
public final class AttacksPlugin implements Plugin {
    @Override
    public String name() {
        return "attacks";
    }

    @Override
    public List<Attack> attacks() {
        return List.of(new PgdAttack(Norm.LINF), new PgdAttack(Norm.L2), new FmnAttack(Norm.LINF), new FmnAttack(Norm.L2));
    }
}
