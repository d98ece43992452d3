import { deliveryFailure, readDeliveryFailure } from '../../../../teams-app/domain';

describe('delivery failure reasons', () => {
  it('stores the reason code first and keeps the detail for the logs', () => {
    const stored = deliveryFailure('delivery.blocked', 'app not installed or blocked by the user (403)');
    expect(stored).toBe('delivery.blocked: app not installed or blocked by the user (403)');
    expect(readDeliveryFailure(stored)).toEqual({ reasonCode: 'delivery.blocked', reason: null });
    expect(readDeliveryFailure(deliveryFailure('delivery.not-found', ''))).toEqual({
      reasonCode: 'delivery.not-found',
      reason: null,
    });
  });

  it('keeps text stored before reasons were coded as it is', () => {
    const english = 'The app is not installed for this person in Teams (no 1:1 conversation yet).';
    expect(readDeliveryFailure(english)).toEqual({ reasonCode: null, reason: english });
    expect(readDeliveryFailure('delivery.unheard-of: something')).toEqual({
      reasonCode: null,
      reason: 'delivery.unheard-of: something',
    });
  });

  it('reads a failure stored without any text as Teams refusing the message', () => {
    expect(readDeliveryFailure(null)).toEqual({ reasonCode: 'delivery.refused', reason: null });
  });
});
