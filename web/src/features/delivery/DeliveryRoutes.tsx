import { Route, Routes } from 'react-router';
import { DeliveryDetail } from './DeliveryDetail.tsx';
import { DeliveryList } from './DeliveryList.tsx';
import { NewDelivery } from './NewDelivery.tsx';

/** The hub's delivery orders: the list at /pengiriman, a new one at /pengiriman/baru, one at /pengiriman/:id. */
export function DeliveryRoutes() {
  return (
    <Routes>
      <Route index element={<DeliveryList />} />
      <Route path="baru" element={<NewDelivery />} />
      <Route path=":id" element={<DeliveryDetail />} />
    </Routes>
  );
}
