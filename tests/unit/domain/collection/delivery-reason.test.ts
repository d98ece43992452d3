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

  it('reads English text stored before reasons were coded by what it says, never keeping the English', () => {
    const english = 'The app is not installed for this person in Teams (no 1:1 conversation yet).';
    expect(readDeliveryFailure(english)).toEqual({ reasonCode: 'delivery.not-installed', reason: null });
    expect(readDeliveryFailure('app not installed or blocked by the user (403)')).toEqual({
      reasonCode: 'delivery.blocked',
      reason: null,
    });
    expect(readDeliveryFailure('conversation not found (404)')).toEqual({
      reasonCode: 'delivery.not-found',
      reason: null,
    });
    expect(readDeliveryFailure('delivery.unheard-of: something')).toEqual({
      reasonCode: 'delivery.refused',
      reason: null,
    });
  });

  it('reads a failure stored without any text as Teams refusing the message', () => {
    expect(readDeliveryFailure(null)).toEqual({ reasonCode: 'delivery.refused', reason: null });
  });
});
